// The time module, through port.h only.
//
// ticks_ms/us/cpu count in a ring of kTicksPeriod (2**30, MicroPython's
// MICROPY_PY_TIME_TICKS_PERIOD) so they are always small ints; ticks_diff
// gives the signed distance in [-period/2, period/2) and ticks_add stays in
// the ring. The epoch is 1970 (the port's wall clock); gmtime and localtime
// agree (no time zones), returning MicroPython's 8-tuple (year, month, mday,
// hour, minute, second, weekday with Monday 0, yearday from 1).
#include <stdint.h>

#include "runtime/float.h"
#include "runtime/int.h"
#include "runtime/port.h"
#include "runtime/runtime.h"
#include "runtime/tuple.h"

namespace taipan::rt {

namespace {

constexpr Word kTicksPeriod = Word{1} << 30;
constexpr Word kTicksMask = kTicksPeriod - 1;

Value Ticks(uint64_t t) { return FromSmallInt(static_cast<SignedWord>(static_cast<Word>(t) & kTicksMask)); }

Value TicksMs() { return Ticks(taipan_port_ticks_us() / 1000u); }
Value TicksUs() { return Ticks(taipan_port_ticks_us()); }
Value TicksCpu() { return Ticks(taipan_port_ticks_cpu()); }

Value TicksDiff(Value end, Value start) {
  Word diff = static_cast<Word>(IntToWord(end)) - static_cast<Word>(IntToWord(start));
  diff = (diff + kTicksPeriod / 2) & kTicksMask;
  return FromSmallInt(static_cast<SignedWord>(diff) - static_cast<SignedWord>(kTicksPeriod / 2));
}

Value TicksAdd(Value ticks, Value delta) {
  Word d = static_cast<Word>(IntToWord(delta));
  // Deltas in (-period/2, period/2) only, so ticks_diff can undo the add.
  if (d + kTicksPeriod / 2 - 1 >= kTicksPeriod - 1) RaiseOverflowError("ticks interval overflow");
  return FromSmallInt(static_cast<SignedWord>((static_cast<Word>(IntToWord(ticks)) + d) & kTicksMask));
}

// Seconds since the epoch: a float where floats are doubles, else an int
// (a single-precision float cannot hold today's time to the second).
Value Time() {
  uint64_t ns = taipan_port_time_ns();
#if TAIPAN_FLOAT_IS_DOUBLE
  return NewFloat(static_cast<Float>(ns / 1000u) / 1e6);
#else
  return NewIntFromLongLong(static_cast<long long>(ns / 1000000000u));
#endif
}

Value TimeNs() { return NewIntFromLongLong(static_cast<long long>(taipan_port_time_ns())); }

void SleepUs(SignedWord us) {
  if (us > 0) taipan_port_sleep_us(static_cast<uint64_t>(us));
}

Value Sleep(Value seconds) {
  if (IsFloat(seconds)) {
    Float s = FloatValue(seconds);
    if (s < 0) RaiseValueError("sleep length must be non-negative");
    taipan_port_sleep_us(static_cast<uint64_t>(s * 1e6f));
    return kNone;
  }
  SignedWord s = IntToWord(seconds);
  if (s < 0) RaiseValueError("sleep length must be non-negative");
  taipan_port_sleep_us(static_cast<uint64_t>(s) * 1000000u);
  return kNone;
}

Value SleepMs(Value ms) {
  SignedWord n = IntToWord(ms);
  if (n > 0) taipan_port_sleep_us(static_cast<uint64_t>(n) * 1000u);
  return kNone;
}

Value SleepUsFn(Value us) {
  SleepUs(IntToWord(us));
  return kNone;
}

// --- Calendar ---------------------------------------------------------------------
// Days since 1970-01-01 <-> proleptic Gregorian dates, by 400-year eras
// (H. Hinnant's algorithms).

int64_t DaysFromCivil(int64_t y, int64_t m, int64_t d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t* y, int64_t* m, int64_t* d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = yoe + era * 400 + (*m <= 2);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

Value GmTime(size_t n_args, const Value* args) {
  int64_t secs;
  if (n_args == 0 || args[0] == kNone) secs = static_cast<int64_t>(taipan_port_time_ns() / 1000000000u);
  else if (IsFloat(args[0])) secs = static_cast<int64_t>(FloatValue(args[0]));
  else secs = IntToWord(args[0]);
  int64_t days = FloorDiv(secs, 86400);
  int64_t rest = secs - days * 86400;
  int64_t y, m, d;
  CivilFromDays(days, &y, &m, &d);
  int64_t weekday = FloorDiv(days + 3, 7) * -7 + days + 3;  // 1970-01-01 was a Thursday (3)
  int64_t yearday = days - DaysFromCivil(y, 1, 1) + 1;
  Value items[8] = {NewIntFromLongLong(y),          FromSmallInt(static_cast<SignedWord>(m)),
                    FromSmallInt(static_cast<SignedWord>(d)), FromSmallInt(static_cast<SignedWord>(rest / 3600)),
                    FromSmallInt(static_cast<SignedWord>(rest / 60 % 60)), FromSmallInt(static_cast<SignedWord>(rest % 60)),
                    FromSmallInt(static_cast<SignedWord>(weekday)), FromSmallInt(static_cast<SignedWord>(yearday))};
  return NewTuple(8, items);
}

// mktime((year, month, mday, hour, minute, second, ...)): seconds since the
// epoch; out-of-range fields carry over as in MicroPython.
Value MkTime(Value tuple) {
  size_t length;
  Value* items;
  GetSequenceItems(tuple, &length, &items);
  if (length < 6) RaiseTypeError("mktime needs a tuple of length 8 or 9");
  int64_t f[6];
  for (size_t i = 0; i < 6; ++i) f[i] = IntToWord(items[i]);
  int64_t month0 = f[1] - 1;
  int64_t year = f[0] + FloorDiv(month0, 12);
  month0 -= FloorDiv(month0, 12) * 12;
  int64_t days = DaysFromCivil(year, month0 + 1, 1) + f[2] - 1;
  return NewIntFromLongLong(static_cast<long long>(days * 86400 + f[3] * 3600 + f[4] * 60 + f[5]));
}

constexpr BuiltinFunction kGmTimeFn(Q_gmtime, 0, 1, GmTime);
constexpr BuiltinFunction kLocalTimeFn(Q_localtime, 0, 1, GmTime);
constexpr BuiltinFunction kMkTimeFn(Q_mktime, MkTime);
constexpr BuiltinFunction kSleepFn(Q_sleep, Sleep);
constexpr BuiltinFunction kSleepMsFn(Q_sleep_ms, SleepMs);
constexpr BuiltinFunction kSleepUsFn(Q_sleep_us, SleepUsFn);
constexpr BuiltinFunction kTicksAddFn(Q_ticks_add, TicksAdd);
constexpr BuiltinFunction kTicksCpuFn(Q_ticks_cpu, TicksCpu);
constexpr BuiltinFunction kTicksDiffFn(Q_ticks_diff, TicksDiff);
constexpr BuiltinFunction kTicksMsFn(Q_ticks_ms, TicksMs);
constexpr BuiltinFunction kTicksUsFn(Q_ticks_us, TicksUs);
constexpr BuiltinFunction kTimeFn(Q_time, Time);
constexpr BuiltinFunction kTimeNsFn(Q_time_ns, TimeNs);

}  // namespace

TAIPAN_CONST_MAP(kTimeModuleGlobals,
                 {Q_gmtime, &kGmTimeFn},
                 {Q_localtime, &kLocalTimeFn},
                 {Q_mktime, &kMkTimeFn},
                 {Q_sleep, &kSleepFn},
                 {Q_sleep_ms, &kSleepMsFn},
                 {Q_sleep_us, &kSleepUsFn},
                 {Q_ticks_add, &kTicksAddFn},
                 {Q_ticks_cpu, &kTicksCpuFn},
                 {Q_ticks_diff, &kTicksDiffFn},
                 {Q_ticks_ms, &kTicksMsFn},
                 {Q_ticks_us, &kTicksUsFn},
                 {Q_time, &kTimeFn},
                 {Q_time_ns, &kTimeNsFn});

}  // namespace taipan::rt
