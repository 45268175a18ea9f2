import math
from math import tau
from mods_missing_here import nothing
