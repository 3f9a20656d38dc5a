"""The former home of validation, kept so that older callers still import: use :mod:`lkjip.validation`.

``benchmarks/run.py`` imports ``lkjip.validate.validate_frame``; nothing in the
package does. No logic lives here.
"""

from lkjip.validation import *  # noqa: F401,F403
from lkjip.validation import __all__  # noqa: F401
