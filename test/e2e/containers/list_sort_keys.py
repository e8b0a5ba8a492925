# RUN: %python %tools/run_e2e.py %taipan %s
# Sorting with keys and reverse; distinct keys so stability does not matter.
people = [('ann', 31), ('bob', 25), ('cy', 47), ('dee', 19)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[0], reverse=True))
print(sorted(people, key=lambda p: -p[1])[0])
nums = [5, -2, 9, -7, 3]
nums.sort(key=abs)
print(nums)
nums.sort(key=lambda v: v % 7, reverse=True)
print(nums)
words = ['kiwi', 'fig', 'banana', 'apple']
print(sorted(words, key=len), sorted(words, key=lambda w: w[-1]))
print(sorted([[3, 1], [1, 2], [2, 0]]), sorted(['b', 'A', 'a', 'B']))
