# What the threading programs share: err(f) prints "ok value" or "Type: message", as the C# twins'
# PyLines.Err does.

def err(f):
    try:
        print("ok", f())
    except Exception as e:
        print(f"{type(e).__name__}: {e}")

def noop():
    pass
