@decorator
@d.attr(1, *a, k=2, **kw)
def f(a, b=1, /, c=2, *args, d, e=3, **kwargs) -> int:
    """doc"""
    def inner():
        nonlocal a
        a = 1
        return lambda x, *y, z=1, **w: x + a
    yield from inner()
    return a

async def g(x):
    async with x as y:
        await y
    async for i in x:
        pass
    return [i async for i in x if await i]

class C(Base, metaclass=Meta):
    attr: int = 1
    def method(self):
        return super().method() + __class__.x
