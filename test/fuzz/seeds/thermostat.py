"""A thermostat for a small board: reads a sensor, smooths the readings and
switches a heater with hysteresis. Taipan's default example program."""

from micropython import const

TARGET_C = const(21)
HYSTERESIS_C = const(1)
WINDOW = const(8)


class MovingAverage:
    """The mean of the last `size` readings."""

    def __init__(self, size=WINDOW):
        self.size = size
        self.samples = []

    def add(self, value):
        self.samples.append(value)
        if len(self.samples) > self.size:
            self.samples.pop(0)
        return sum(self.samples) / len(self.samples)


def simulated_sensor(start=17.0, step=0.5):
    """Temperatures that rise while heating and fall otherwise."""
    temperature = start
    heating = yield temperature
    while True:
        temperature += step if heating else -step / 2
        heating = yield temperature


def control(readings, *, target=TARGET_C, band=HYSTERESIS_C):
    heating = False
    average = MovingAverage()
    sensor = simulated_sensor()
    value = next(sensor)
    for tick in range(readings):
        smoothed = average.add(value)
        if smoothed < target - band:
            heating = True
        elif smoothed > target + band:
            heating = False
        print(f"tick {tick:2d}: {value:5.2f} C (mean {smoothed:5.2f}) heater {'on' if heating else 'off'}")
        value = sensor.send(heating)
    return heating


if __name__ == "__main__":
    control(24)
