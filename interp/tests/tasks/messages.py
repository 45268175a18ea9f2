# Mailboxes: send any value, receive in order, timeouts, async def tasks using await.
from kaa import spawn, wait, receive, send, current_task, frame_count

def echo():
    while True:
        msg = yield receive(timeout=0.5)
        if msg is None:
            print("echo: idle, stopping at frame", frame_count())
            return "stopped"
        sender, text = msg
        send(sender, text.upper())

async def client(e, words):
    me = current_task()
    for w in words:
        send(e, (me, w))
        reply = await receive()
        print("client got", reply, "at frame", frame_count())
        await wait(0.1)
    return len(words)

def batch():
    me = current_task()
    for i in range(3):
        send(me, i)
    got = []
    for _ in range(3):
        got.append((yield receive()))
    print("batch mailbox:", got, "frame", frame_count())

e = spawn(echo)
c = spawn(client, e, ["hi", "kaa"])
spawn(batch)
async def final():
    print("client result", await c, "echo result", await e)
spawn(final)
