# Sourced by the scripts: makes sure the Debian packages avance needs are present.
# As root it installs what is missing with apt-get; otherwise it prints the exact
# command and stops, so nothing half-works.

# The Debian packages the build and the tests need (one source of truth for every script).
# tesseract-ocr and its Spanish data read scanned PDF pages (OCR); poppler-utils renders them.
AVANCE_SYSTEM_PACKAGES=(pkg-config libxml2-dev zlib1g-dev libpoppler-glib-dev libfreexl-dev poppler-utils sqlite3 libsqlite3-dev tesseract-ocr tesseract-ocr-spa)

# What the tests need besides: a browser to open the audit's web page (headless), fonts for it
# to draw text with, python3 to decode its screenshot, and Python's bindings to poppler's
# library, an independent reading of the page text that PDF spans cite (Scripts/lib/pdf_spans.py),
# openpyxl, a real reader of the audit's workbook (AuditTests), and xlrd, an independent reading
# of the legacy workbooks the .xls samples' expected records quote; PostgreSQL's server, which
# the tests of the shared store start in a temporary folder (Scripts/lib/postgres.sh).
AVANCE_TEST_PACKAGES=(chromium fonts-dejavu-core python3 python3-gi gir1.2-poppler-0.18 python3-openpyxl python3-xlrd postgresql)

# ensure_system_packages [extra packages...]
ensure_system_packages() {
    local wanted=("${AVANCE_SYSTEM_PACKAGES[@]}" "$@") missing=() p
    for p in "${wanted[@]}"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    if [ "$(id -u)" -eq 0 ]; then
        echo "Installing missing system packages: ${missing[*]}" >&2
        export DEBIAN_FRONTEND=noninteractive
        apt-get update -qq >&2 && apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
    else
        echo "Missing system packages: ${missing[*]}" >&2
        echo "Install them with:  sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
        exit 69
    fi
}

# Swift must be on PATH; this machine keeps it under /opt/swift.
ensure_swift() {
    if ! command -v swift >/dev/null 2>&1; then
        if [ -x /opt/swift/usr/bin/swift ]; then
            export PATH="/opt/swift/usr/bin:$PATH"
        else
            echo "swift is not installed: get a Swift 6 toolchain from swift.org and put it on PATH" >&2
            exit 69
        fi
    fi
}

# build_release: the release binary that Scripts/install installs and Scripts/bench measures, with
# Swift's runtime and Foundation linked in (--static-swift-stdlib: it runs on a machine with no
# Swift toolchain, needing only Debian's libraries, and starts faster); sets release_bin to it.
build_release() {
    echo "== release build" >&2
    # A plugin run (generate-manual) leaves its own release build plan in .build/release.yaml,
    # without this flag, and SwiftPM then reuses it and links nothing anew: removed, the plan
    # is made again from these flags (seconds; only what changed is built).
    rm -f .build/release.yaml
    swift build -c release --product avance --static-swift-stdlib >&2
    release_bin="$(swift build -c release --show-bin-path)/avance"
}
