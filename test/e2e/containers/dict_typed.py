# Dicts that inference knows are exact dicts go through the runtime's dict
# helpers directly (d[k], d[k] = v, d.get). They must behave as the generic
# paths do: KeyError, keys equal across types, keys with their own __eq__
# and __hash__, unhashable keys, and str keys that are and are not interned.
# RUN: %python %tools/run_e2e.py %taipan %s


class Key:
    def __init__(self, text):
        self.text = text

    def __hash__(self):
        return hash(self.text)

    def __eq__(self, other):
        return self.text == (other.text if isinstance(other, Key) else other)


def lookups():
    d = {}
    d["a"] = 1
    d[2] = "two"
    d[(1, 2)] = "pair"
    print(d["a"], d[2], d[(1, 2)], d[2.0], d.get(True), d.get("zz"), d.get("zz", -1))
    d[True] = "true"  # a new key
    d[1] = "one"  # equal to True: replaces its value, keeps the key True
    print(sorted((str(k), v) for k, v in d.items()))
    try:
        print(d["missing"])
    except KeyError as e:
        print("KeyError", repr(e.args[0]))
    try:
        d[[1]] = 0
    except TypeError:
        print("unhashable on store")
    try:
        d.get([1])
    except TypeError:
        print("unhashable on get")
    try:
        print(d[{}])
    except TypeError:
        print("unhashable on load")


def custom_keys():
    d = {}
    d[Key("x")] = 1
    print(d.get("x"), d.get(Key("x")), d["x"])
    d["x"] = 2  # equal to Key("x"): the value changes
    print(len(d), d[Key("x")])


def built_strs(n):
    d = {}
    for i in range(n):
        key = "k" + str(i % 3)
        d[key] = d.get(key, 0) + 1
    print(d["k0"], d["k1"], d.get("k2"), d.get("k" + "9"))


def word_counts(text):
    counts = {}
    for word in text.split():
        counts[word] = counts.get(word, 0) + 1
    return sorted(counts.items())


lookups()
custom_keys()
built_strs(10)
print(word_counts("the cat and the hat and the bat"))
