#!/usr/bin/env bash
# The figure benchmark alone: steptrace compare lr-overshoot against matplotlib (bench/figure/lrgrid.py).
# Same as `bash bench/run.sh figure`; see bench/run.sh for ROUNDS and the other settings.
exec bash "$(dirname "$0")/../run.sh" figure
