import tasks


def test_place_order_is_callable():
    assert callable(tasks.place_order)


def test_out_of_stock_is_an_exception():
    assert issubclass(tasks.OutOfStock, Exception)
