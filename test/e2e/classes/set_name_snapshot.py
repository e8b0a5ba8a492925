# RUN: %python %tools/run_e2e.py %taipan %s
# __set_name__ runs for every attribute the class body made that has it,
# even when an earlier hook replaced or deleted that attribute.


class SetOther:
    def __init__(self, other, value):
        self.other = other
        self.value = value

    def __set_name__(self, owner, name):
        print("set_name", name)
        setattr(owner, self.other, self.value)


class DelOther:
    def __init__(self, other):
        self.other = other

    def __set_name__(self, owner, name):
        print("del_name", name)
        if hasattr(owner, self.other):
            delattr(owner, self.other)


class Replace:
    a = SetOther("b", 312)
    b = SetOther("a", 311)


class Delete:
    a = DelOther("b")
    b = DelOther("a")
    c = 3


print(Replace.a, Replace.b, hasattr(Delete, "a"), hasattr(Delete, "b"), Delete.c)
