match command.split():
    case [action]:
        pass
    case [action, obj, *rest] if obj:
        pass
    case Point(x=0, y=0) | Point(1, 2):
        pass
    case {"key": value, **others}:
        pass
    case -1 | 1.5 | 2+3j | "s" | None | True | a.b.c:
        pass
    case (a, b) as pair:
        pass
    case _:
        pass
match = 1
match(x)
