"""Titik rawan: the clusters among what the unit may see (aduan/core/clusters.py), most reported first."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse

from aduan.core import clusters
from aduan.core.access import complaints_visible_to

PERIODS = (30, 90, 365)


@login_required
def hotspots(request):
    try:
        days = int(request.GET.get("days", clusters.DAYS))
    except ValueError:
        days = clusters.DAYS
    days = days if days in PERIODS else clusters.DAYS
    spots, across = clusters.hotspots(complaints_visible_to(request.user), days=days)
    queue = reverse("web:officer:queue")
    return render(request, "web/officer/hotspots.html", {
        "spots": spots, "across": across, "days": days, "periods": PERIODS, "queue": queue,
    })
