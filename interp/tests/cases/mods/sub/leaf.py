from .. import helper
leaf_value = helper.double(21)
