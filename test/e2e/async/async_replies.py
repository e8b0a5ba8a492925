# RUN: %python %tools/run_e2e.py %taipan %s
# Values sent into a coroutine come back from await.
from Inputs.loop import Suspend, run

async def ask(question):
    answer = await Suspend(question)
    return question + '=' + str(answer)

async def main():
    out = []
    for q in ('a', 'bb', 'ccc'):
        out.append(await ask(q))
    return out

print(run(main(), replies=len))
