# Tic-tac-toe with minimax: the perfect player never loses, and a few played-out games.
from functools import lru_cache

LINES = [(0, 1, 2), (3, 4, 5), (6, 7, 8), (0, 3, 6), (1, 4, 7), (2, 5, 8), (0, 4, 8), (2, 4, 6)]

def winner(b):
    for a, c, d in LINES:
        if b[a] != "." and b[a] == b[c] == b[d]:
            return b[a]
    return None

@lru_cache(maxsize=None)
def minimax(board, player):
    w = winner(board)
    if w:
        return (1 if w == "X" else -1), None
    if "." not in board:
        return 0, None
    best = None
    for i, cell in enumerate(board):
        if cell == ".":
            nb = board[:i] + player + board[i + 1:]
            score, _ = minimax(nb, "O" if player == "X" else "X")
            if best is None or (player == "X" and score > best[0]) or (player == "O" and score < best[0]):
                best = (score, i)
    return best

def play(board="........."):
    player = "X"
    while not winner(board) and "." in board:
        _, move = minimax(board, player)
        board = board[:move] + player + board[move + 1:]
        player = "O" if player == "X" else "X"
    return board, winner(board)

board, w = play()
print("\n".join(board[i:i + 3] for i in (0, 3, 6)), "->", w or "draw")
print(minimax("XX.OO....", "X"), minimax("XX.OO....", "O"), minimax.cache_info().currsize > 1000)
print(play("X...O...."))
