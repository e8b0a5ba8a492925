# RUN: %python %tools/run_e2e.py %taipan %s
# A singly linked list class with iteration, reversal and len.
class Node:
    __slots__ = ('value', 'next')
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        for v in reversed(list(items)):
            self.head = Node(v, self.head)
    def __iter__(self):
        n = self.head
        while n:
            yield n.value
            n = n.next
    def __len__(self):
        return sum(1 for _ in self)
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def __repr__(self):
        return ' -> '.join(str(v) for v in self) or 'empty'
l = LinkedList(range(1, 6))
print(l, len(l))
l.reverse()
print(l, list(l)[1:3])
print(LinkedList(), len(LinkedList()))
