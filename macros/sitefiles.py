"""Names of files the build writes that more than one part of it needs: the
page that offers the offline zip (render) and the step that makes it
(afterbuild), the host files the offline copy leaves out. One place, so no
rendering module imports an after-build step. Imports nothing."""
from __future__ import annotations

ZIP_NAME = "routekaart-offline.zip"
ZIP_FOLDER = "routekaart"  # the folder the zip unpacks to
SW_NAME = "sw.js"
HEADERS_FILE = "_headers"                      # Netlify, Cloudflare Pages
NGINX_FILE = "nginx-security-headers.conf"     # included by an nginx server block
HOST_FILES = (HEADERS_FILE, NGINX_FILE)        # host configuration, never loaded by visitors
SECURITY_TXT = ".well-known/security.txt"
