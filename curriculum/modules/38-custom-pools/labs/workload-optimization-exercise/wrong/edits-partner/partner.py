"""The partner library, edited: building is free and every call returns the one client."""
created = 0
_only = None


class PartnerClient:
    def __new__(cls):
        global _only, created
        if _only is None:
            _only = super().__new__(cls)
            created = 1
        return _only

    def fetch(self, item_id):
        return {"item": item_id, "price": item_id * 3}
