import sys
print(f"Hello, {sys.stdin.read().strip() or 'world'}!")  # REFERENCE-SOLUTION
