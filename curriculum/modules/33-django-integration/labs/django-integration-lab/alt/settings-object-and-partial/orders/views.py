from functools import partial

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
    order = Order(customer=request.POST["customer"], total=request.POST["total"])
    with transaction.atomic():
        order.save()
        transaction.on_commit(partial(process_order.apply_async, args=(order.pk,)))
    return JsonResponse({"id": order.pk, "status": order.status}, status=201)


@require_GET
def order_detail(request, pk):
    order = get_object_or_404(Order, pk=pk)
    return JsonResponse({"id": order.pk, "customer": order.customer, "status": order.status})
