for exc in [ValueError, TypeError, KeyError, ZeroDivisionError]:
    try:
        raise exc('e')
    except (ValueError, TypeError) as e:
        print('first', type(e).__name__)
    except LookupError as e:
        print('lookup', repr(e))
    except Exception as e:
        print('other', type(e).__name__)
