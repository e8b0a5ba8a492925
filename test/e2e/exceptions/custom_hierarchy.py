# RUN: %python %tools/run_e2e.py %taipan %s
# User-defined exception hierarchies, attributes and str().
class AppError(Exception):
    pass
class NetError(AppError):
    def __init__(self, host, code):
        super().__init__(host, code)
        self.host = host
        self.code = code
class Timeout(NetError):
    pass
class Refused(NetError):
    def __str__(self):
        return 'refused by ' + self.host
errors = [Timeout('a.com', 1), Refused('b.com', 2), AppError('generic'), ValueError('other')]
for err in errors:
    try:
        raise err
    except Timeout as e:
        print('timeout', e.host, e.code, e.args)
    except NetError as e:
        print('net', str(e), e.code)
    except AppError as e:
        print('app', str(e), e.args)
    except Exception as e:
        print('other', type(e).__name__, e)
print(issubclass(Timeout, AppError), isinstance(Refused('h', 0), Exception))
