from ..core import VERSION as PARENT_VERSION
