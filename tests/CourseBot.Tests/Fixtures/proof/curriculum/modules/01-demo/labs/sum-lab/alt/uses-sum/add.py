import sys

numbers = [int(argument) for argument in sys.argv[1:]]
print(sum(numbers))
