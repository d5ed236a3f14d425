#!/usr/bin/env bash
# Makes sure the system libraries and tools workshopkit needs are present.
# Installs them with apt-get when run as root on Debian/Ubuntu; otherwise names what is missing.
#   Pango (with libthai, which gives Thai its word breaks) and HarfBuzz's subsetter: WeasyPrint
#   poppler-utils (pdftotext, pdffonts, pdftoppm): the tests read the PDFs back
#   with --tests also LibreOffice Writer (soffice): the tests convert the DOCX files with it
set -euo pipefail

need_libs=(libpango-1.0.so.0 libpangoft2-1.0.so.0 libthai.so.0 libharfbuzz-subset.so.0)
need_tools=(pdftotext pdffonts pdftoppm)
packages=(libpango-1.0-0 libpangoft2-1.0-0 libthai0 libharfbuzz-subset0 poppler-utils)

missing=()
for lib in "${need_libs[@]}"; do
  ldconfig -p 2>/dev/null | grep -q "$lib" || missing+=("$lib")
done
for tool in "${need_tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
python3 -c 'import venv, ensurepip' 2>/dev/null || { missing+=("python3-venv"); packages+=(python3-venv); }
if [ "${1:-}" = "--tests" ]; then
  packages+=(libreoffice-writer-nogui fontconfig)
  command -v soffice >/dev/null 2>&1 || missing+=("soffice")
  command -v fc-list >/dev/null 2>&1 || missing+=("fc-list")
fi

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi
echo "workshopkit: missing system parts: ${missing[*]}" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "workshopkit: installing ${packages[*]} with apt-get" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${packages[@]}" >/dev/null
  exit 0
fi
echo "workshopkit: install them first, e.g. on Debian/Ubuntu:" >&2
echo "  sudo apt-get install ${packages[*]}" >&2
exit 1
