# Shortest paths on a small weighted graph with heapq (Dijkstra), plus path reconstruction.
import heapq

graph = {
    "A": {"B": 4, "C": 2},
    "B": {"C": 5, "D": 10},
    "C": {"E": 3},
    "D": {"F": 11},
    "E": {"D": 4},
    "F": {},
}

def dijkstra(g, source):
    dist = {node: float("inf") for node in g}
    prev = {node: None for node in g}
    dist[source] = 0
    heap = [(0, source)]
    while heap:
        d, u = heapq.heappop(heap)
        if d > dist[u]:
            continue
        for v, w in g[u].items():
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                prev[v] = u
                heapq.heappush(heap, (nd, v))
    return dist, prev

def path_to(prev, target):
    out = []
    while target is not None:
        out.append(target)
        target = prev[target]
    return out[::-1]

dist, prev = dijkstra(graph, "A")
for node in sorted(dist):
    print(f"{node}: {dist[node]:>3} via {' -> '.join(path_to(prev, node))}")
print(max(dist.items(), key=lambda kv: kv[1]))
