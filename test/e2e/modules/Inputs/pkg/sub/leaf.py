from .. import util
from ...helper import GREETING
from . import PARENT_VERSION


def describe():
    return '%s %s %s' % (util.triple_add(1, 2, 3), GREETING, PARENT_VERSION)
