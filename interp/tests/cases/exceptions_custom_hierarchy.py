class GameError(Exception): pass
class MoveError(GameError): pass
for exc in [MoveError('bad move'), GameError('generic'), ValueError('other')]:
    try:
        raise exc
    except MoveError as e:
        print('move', e)
    except GameError as e:
        print('game', e)
    except Exception as e:
        print('exception', e)
