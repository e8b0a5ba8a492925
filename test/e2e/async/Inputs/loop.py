# A tiny event loop for the async tests: coroutines are driven with send() and
# may suspend on Suspend objects, which the loop answers with a value.


class Suspend:
    """Awaiting this hands `value` to the loop and resumes with the loop's reply."""

    def __init__(self, value=None):
        self.value = value

    def __iter__(self):
        reply = yield self.value
        return reply

    __await__ = __iter__


def run(coro, replies=None):
    """Runs coro to completion, printing every suspension; returns its result."""
    reply = None
    step = 0
    while True:
        try:
            request = coro.send(reply)
        except StopIteration as stop:
            return stop.value
        print('loop: suspended with', request)
        step += 1
        reply = replies(request) if replies else step


def run_all(coros):
    """Round-robin scheduler: resumes each coroutine in turn until all finish."""
    ready = list(coros)
    results = []
    while ready:
        coro = ready.pop(0)
        try:
            coro.send(None)
        except StopIteration as stop:
            results.append(stop.value)
        else:
            ready.append(coro)
    return results
