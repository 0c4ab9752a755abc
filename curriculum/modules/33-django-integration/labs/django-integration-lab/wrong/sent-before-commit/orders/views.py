from django.db import transaction
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from .models import Order
from .tasks import process_order


@csrf_exempt
@require_POST
def create_order(request):
    with transaction.atomic():
        order = Order.objects.create(customer=request.POST["customer"], total=request.POST["total"])
        # Sent only after the outermost transaction commits; nothing is sent on rollback.
        process_order.delay(order.pk)
    return JsonResponse({"id": order.pk, "status": order.status}, status=201)


@require_GET
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    return JsonResponse({"id": order.pk, "customer": order.customer, "status": order.status})
