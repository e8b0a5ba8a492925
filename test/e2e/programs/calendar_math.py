# RUN: %python %tools/run_e2e.py %taipan %s
# Date arithmetic by hand: leap years, day of week, days between dates.
def leap(y):
    return y % 4 == 0 and (y % 100 != 0 or y % 400 == 0)
MONTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
def days_from_epoch(y, m, d):
    days = sum(366 if leap(yy) else 365 for yy in range(1970, y))
    days += sum(MONTHS[:m - 1]) + (1 if m > 2 and leap(y) else 0)
    return days + d - 1
def weekday(y, m, d):
    return ['Thu', 'Fri', 'Sat', 'Sun', 'Mon', 'Tue', 'Wed'][days_from_epoch(y, m, d) % 7]
print([y for y in range(1896, 1910) if leap(y)], leap(2000), leap(2100))
print(weekday(1970, 1, 1), weekday(2000, 1, 1), weekday(2024, 2, 29))
print(days_from_epoch(2024, 3, 1) - days_from_epoch(2024, 2, 1), days_from_epoch(2000, 1, 1))
