#!/usr/bin/env bash
# Makes sure the system libraries and programs workshopkit needs are present.
# Installs them with apt-get when run as root on Debian/Ubuntu; otherwise names what is missing.
#   Pango (with libthai, which gives Thai its word breaks) and HarfBuzz's subsetter: WeasyPrint
#   poppler-utils (pdftotext, pdffonts, pdftoppm, pdfimages): the tests read the PDFs back
#   libc-bin's /sbin/ldconfig: the render server finds WeasyPrint's libraries in its cache
#   with --tests also LibreOffice Writer (soffice), fontconfig (fc-list), qpdf and Chromium: the
#   tests convert the DOCX files, hide fonts from LibreOffice, check the PDFs' structure and
#   drive the studio in a real browser (Playwright launches Debian's chromium)
# tests/test_setup_script.py fails when the code or the tests call a program not named here.
set -euo pipefail

need_libs=(libpango-1.0.so.0 libpangoft2-1.0.so.0 libthai.so.0 libharfbuzz-subset.so.0)
need_tools=(pdftotext pdffonts pdftoppm pdfimages /sbin/ldconfig)
packages=(libpango-1.0-0 libpangoft2-1.0-0 libthai0 libharfbuzz-subset0 poppler-utils libc-bin)
test_tools=(soffice fc-list qpdf chromium)
test_packages=(libreoffice-writer-nogui fontconfig qpdf chromium)

missing=()
# The library cache is read once into a variable and matched in the shell: `ldconfig -p |
# grep -q` under pipefail misfires when grep stops reading early and ldconfig dies of SIGPIPE.
# /sbin is not on every user's PATH.
cache=$(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
for lib in "${need_libs[@]}"; do
  [[ "$cache" == *"$lib "* ]] || missing+=("$lib")
done
for tool in "${need_tools[@]}"; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
python3 -c 'import venv, ensurepip' 2>/dev/null || { missing+=("python3-venv"); packages+=(python3-venv); }
if [ "${1:-}" = "--tests" ]; then
  packages+=("${test_packages[@]}")
  for tool in "${test_tools[@]}"; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
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
