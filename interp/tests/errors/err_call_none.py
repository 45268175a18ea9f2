handler = None
handler('event')
