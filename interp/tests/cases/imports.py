import mods.helper
from mods.helper import double, Thing as T, CONST
from mods import helper as h2
import mods
from mods.sub import leaf_value
from mods.sub.leaf import leaf_value as lv
print(mods.helper.double(4), double(5), T("t"), CONST, h2 is mods.helper, mods.PACKAGE_VALUE)
print(leaf_value, lv, mods.helper.loaded)
import mods.helper
print(mods.helper.loaded)
from mods.helper import *
print(Thing("star"), "_private" in dir())
import math, random as rnd
print(math.floor(2.5), rnd.__name__, math.__name__)
try:
    import no_such_module
except ImportError as e:
    print(type(e).__name__, e)
try:
    from mods.helper import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
import sys
print("mods.helper" in sys.modules, __name__)
