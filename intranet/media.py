"""Images are served by the intranet itself, so that the picture of a restricted page is as
restricted as the page: rendition URLs point at `serve_image` (the "renditions" storage), and
MEDIA_ROOT is never exposed by a web server."""

import mimetypes

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.views.decorators.cache import patch_cache_control
from django.views.decorators.http import require_GET
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry

from strategy_pages.visibility import image_visible_to


@require_GET
def serve_image(request, name):
    renditions = get_image_model().get_rendition_model().objects.select_related("image")
    rendition = get_object_or_404(renditions, file=name)
    if not may_see(request, rendition.image):
        raise Http404  # as if it did not exist: its name can tell what the page is about
    content_type, _encoding = mimetypes.guess_type(name)
    response = FileResponse(rendition.file.open("rb"), content_type=content_type)
    patch_cache_control(response, private=True, max_age=3600)
    return response


def may_see(request, image):
    """Editors who may choose the image see it in the admin; everyone else through its pages."""
    images = policy_registry.get_by_type(type(image))
    return images.user_has_permission_for_instance(
        request.user, "choose", image
    ) or image_visible_to(image, request)
