#!/usr/bin/env bash
# Regenerates the bundled CJK font subsets from Debian's fonts-noto-cjk (apt-get install fonts-noto-cjk fonttools).
# The output is committed; this script documents how it was made.
#   NotoSansSC-Regular.otf   the renderer's UI face, and the documents' fallback face
#   NotoSerifSC-Regular.otf  the documents' body face (Song style, 宋体)
#   NotoSerifSC-Bold.otf     the documents' title face (heavy Song, 小标宋 substitute)
# --desubroutinize expands the CFF subroutines into each glyph's charstring (outlines unchanged, files ~10 % larger):
# pdfkit/fontkit writes every subroutine of a face (26,000 local ones in the ideographs' font dict) into each document's
# subset, which dominated the PDF time; without subroutines a document's subset holds only its own glyphs (decision 220).
set -euo pipefail
cd "$(dirname "$0")/../resources/fonts"
U="U+0020-007E,U+00A0-00FF,U+00B7,U+2010-2027,U+2030-205E,U+2160-216B,U+2190-2193,U+2460-2473,U+2500-257F,U+25A0-25FF,U+2605-2606,U+3000-303F,U+3200-32FF,U+3400-4DBF,U+4E00-9FFF,U+F900-FAFF,U+FE30-FE4F,U+FF00-FFEF"
# face 2 of each collection is the Simplified Chinese (SC) face
subset() { pyftsubset "/usr/share/fonts/opentype/noto/$1" --font-number=2 --unicodes="$U" \
  --desubroutinize --layout-features='*' --name-IDs='*' --name-languages='*' --output-file="$2"; }
subset NotoSansCJK-Regular.ttc NotoSansSC-Regular.otf
subset NotoSerifCJK-Regular.ttc NotoSerifSC-Regular.otf
subset NotoSerifCJK-Bold.ttc NotoSerifSC-Bold.otf
