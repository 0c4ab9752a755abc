from django.db import models


class Order(models.Model):
    NEW, PROCESSED = "new", "processed"

    customer = models.CharField(max_length=100)
    total = models.DecimalField(max_digits=10, decimal_places=2)
    status = models.CharField(max_length=20, default=NEW)
    processed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self):
        return f"order {self.pk} for {self.customer} ({self.status})"
