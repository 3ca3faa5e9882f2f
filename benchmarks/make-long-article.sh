#!/usr/bin/env bash
# Writes a long article for the import benchmark: a title, a dated byline and about TARGET_BYTES of wire-style
# prose built from varied sentences, on one line (ONE_LINE=1, the default) or one paragraph per line (ONE_LINE=0).
# Usage: benchmarks/make-long-article.sh OUT [TARGET_BYTES] [ONE_LINE]
set -euo pipefail
out=$1; target=${2:-1048576}; one_line=${3:-1}
{
  printf 'A long report on China AI funding\nBy Test Writer, Bench Wire, March 6, 2026\n\n'
  i=0; size=0
  while [ "$size" -lt "$target" ]; do
    p="StepFun raised \$$((i % 900 + 100)) million in a Series B round led by Tencent and Lakeshore Capital on Tuesday. Zhipu AI released GLM-4.$((i % 9)) in November, and in January it signed a cloud agreement with Alibaba Cloud. Moonshot AI, a Beijing start-up, has closed a funding round that values it at US\$$((i % 50 + 1)).5 billion. The company, known in Chinese as Yuezhi Anmian, said revenue had grown. Analysts in Hangzhou said paragraph $i of the report was about chips from Alibaba's chip unit, T-Head. "
    if [ "$one_line" = 1 ]; then printf '%s' "$p"; else printf '%s\n\n' "$p"; fi
    size=$((size + ${#p})); i=$((i + 1))
  done
  printf '\n'
} > "$out"
