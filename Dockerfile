# The routekaart as a container: builds the site (the national edition and
# every edition in content/edities/) and serves it with nginx and the
# production configuration of macros/afterbuild/nginx/ on port 8080.
#
#   docker build -t routekaart .
#   docker run --rm -p 8080:8080 routekaart
#   docker build --build-arg BASE_URL=https://routekaart.example.nl/ -t routekaart .
#
# Put TLS in front of it (the host's proxy or load balancer): it must send
# X-Forwarded-Proto: https, and nginx then adds HSTS.

# --- Build: the same pinned tools as development -------------------------------
FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1 NO_MKDOCS_2_WARNING=1
WORKDIR /src
COPY requirements.txt ./
RUN pip install -r requirements.txt
COPY mkdocs.yml ./
COPY content content
COPY docs docs
COPY macros macros
COPY overrides overrides
# The host's https address; an edition without its own site_url then gets
# <BASE_URL><name>/ (sitemap, canonical links, its 404 page's links).
ARG BASE_URL=
RUN python -m macros.editions /site ${BASE_URL:+--base-url "$BASE_URL"}

# --- Serve: Debian's nginx (the one the suite tests with), unprivileged ------
FROM debian:bookworm-slim
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends nginx \
 && rm -rf /var/lib/apt/lists/* /etc/nginx/sites-enabled /etc/nginx/conf.d
COPY macros/afterbuild/nginx/nginx.conf /etc/nginx/nginx.conf
COPY macros/afterbuild/nginx/routekaart.conf /etc/nginx/routekaart.conf
COPY --from=build /site /srv/routekaart
# The host files the build wrote go next to the configuration, out of the
# served folder (routekaart.conf refuses them there anyway).
RUN mkdir -p /etc/routekaart \
 && mv /srv/routekaart/nginx-security-headers.conf /srv/routekaart/nginx-editions.conf /etc/routekaart/ \
 && find /srv/routekaart -name _headers -delete \
 && nginx -t
USER www-data
EXPOSE 8080
CMD ["nginx", "-g", "daemon off;"]
