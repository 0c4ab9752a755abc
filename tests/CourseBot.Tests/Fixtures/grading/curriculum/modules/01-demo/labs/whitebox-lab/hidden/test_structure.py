import shapes


def test_area_of_square():
    assert shapes.area(3) == 9


def test_has_docstring():
    assert shapes.area.__doc__
