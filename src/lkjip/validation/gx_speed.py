"""Great Expectations building an expectation's configuration once where it reads its arguments.

GX 1.x builds ``Expectation.configuration`` anew (a pydantic ``dict()`` of the whole expectation,
then an ``ExpectationConfiguration``) on every access, and the helpers that gather an expectation's
arguments for a validation (:data:`HELPERS`) access it once per argument: a third of the time
lkjip spends validating. :func:`install` makes one call of a helper, with the helpers it calls,
build it once. They only read it and change nothing meanwhile, so they return what they returned;
elsewhere ``configuration`` is built on every access, as before.

>>> class Rule:
...     built = 0
...     @property
...     def configuration(self):
...         Rule.built += 1
...         return {"column": "u1", "mostly": 1}
...     def _get_domain_kwargs(self):
...         return {k: self.configuration[k] for k in ("column",)}
...     def _get_success_kwargs(self):
...         return {**{k: self.configuration[k] for k in ("mostly",)}, **self._get_domain_kwargs()}
...     _get_runtime_kwargs = _get_success_kwarg = _get_success_kwargs
>>> install(Rule)
True
>>> Rule()._get_success_kwargs(), Rule.built
({'mostly': 1, 'column': 'u1'}, 1)
>>> Rule().configuration is not Rule().configuration, Rule.built
(True, 3)
"""

from __future__ import annotations

import contextvars
import functools

#: The helpers of ``Expectation`` that read ``configuration`` once per argument.
HELPERS = ("_get_domain_kwargs", "_get_success_kwargs", "_get_runtime_kwargs", "_get_success_kwarg")

#: ``(expectation, its configuration)`` while a helper runs (per thread: a context variable).
_BUILT: contextvars.ContextVar = contextvars.ContextVar("lkjip_gx_configuration", default=None)
_INSTALLED: set = set()


def install(expectation_class) -> bool:
    """Make the :data:`HELPERS` of ``expectation_class`` build ``configuration`` once per call (once per
    class and process). False, and the class left as it is, when it has not the property and the helpers
    (a GX whose inside changed)."""
    if expectation_class in _INSTALLED:
        return True
    build = getattr(expectation_class.__dict__.get("configuration"), "fget", None)
    if build is None or not all(callable(expectation_class.__dict__.get(h)) for h in HELPERS):
        return False

    def configuration(self):
        current = _BUILT.get()
        if current is None or current[0] is not self:
            return build(self)
        if current[1] is None:
            current[1] = build(self)
        return current[1]

    expectation_class.configuration = property(configuration, doc=expectation_class.configuration.__doc__)
    for name in HELPERS:
        setattr(expectation_class, name, _once(expectation_class.__dict__[name]))
    _INSTALLED.add(expectation_class)
    return True


def _once(helper):
    @functools.wraps(helper)
    def reading_the_configuration_once(self, *args, **kwargs):
        current = _BUILT.get()
        if current is not None and current[0] is self:  # called by another helper of the same expectation
            return helper(self, *args, **kwargs)
        token = _BUILT.set([self, None])
        try:
            return helper(self, *args, **kwargs)
        finally:
            _BUILT.reset(token)

    return reading_the_configuration_once
