set datafile separator "\t"
set key below noenhanced font ",9"
set termoption noenhanced
set logscale x
set xlabel "articles in the log"
set grid
set multiplot layout 4,2 title "claimline bench: the cost curve (seed 1)"
set title "extraction (MB of text/s; dashed: per CPU second)"
set yrange [0:*]
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"extract_mb_per_s_1core" title "extract_mb_per_s_1core" with linespoints lw 2,      "" using 1:"extract_mb_per_s_all_cores" title "extract_mb_per_s_all_cores" with linespoints lw 2,      "" using 1:"extract_cpu_mb_per_s_1core" title "extract_cpu_mb_per_s_1core" with linespoints lw 2 dt 2
set title "ingest and durable appends (per s)"
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"ingest_articles_per_s" title "ingest_articles_per_s" with linespoints lw 2,      "" using 1:"append_durable_single_per_s" title "append_durable_single_per_s" with linespoints lw 2
set title "replay (per s; dashed: per CPU second)"
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"replay_claims_per_s" title "replay_claims_per_s" with linespoints lw 2,      "" using 1:"replay_events_per_s" title "replay_events_per_s" with linespoints lw 2,      "" using 1:"replay_cpu_claims_per_s" title "replay_cpu_claims_per_s" with linespoints lw 2 dt 2,      "" using 1:"replay_cpu_events_per_s" title "replay_cpu_events_per_s" with linespoints lw 2 dt 2
set title "query latency (µs; dashed: CPU time)"
set logscale y
set yrange [*:*]
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"timeline_first_page_p50_us" title "timeline_first_page_p50_us" with linespoints lw 2,      "" using 1:"timeline_first_page_p99_us" title "timeline_first_page_p99_us" with linespoints lw 2,      "" using 1:"conflicts_p50_us" title "conflicts_p50_us" with linespoints lw 2,      "" using 1:"conflicts_p99_us" title "conflicts_p99_us" with linespoints lw 2,      "" using 1:"timeline_first_page_cpu_p99_us" title "timeline_first_page_cpu_p99_us" with linespoints lw 2 dt 2,      "" using 1:"conflicts_cpu_p99_us" title "conflicts_cpu_p99_us" with linespoints lw 2 dt 2
unset logscale y
set yrange [0:*]
set title "peak resident memory (MB)"
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"peak_rss_mb" title "peak_rss_mb" with linespoints lw 2
set title "bytes on disk per article"
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"bytes_per_article" title "bytes_per_article" with linespoints lw 2
set title "store append / raw RocksDB (1 = as fast)"
set yrange [0:1.2]
plot "docs/benchmark/twelve-languages/scale.tsv" using 1:"store_append_vs_raw_ratio" title "store_append_vs_raw_ratio" with linespoints lw 2
unset multiplot
