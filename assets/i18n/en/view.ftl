# Sentences the view builds from the world (src/ui/view).
view-list-comma = {", "}
view-offer = { $state } offers { $parts }
view-offer-tariff-cut = its tariff on your { $sector } down to { $rate }%
view-offer-purchases = purchases of { $amount } bn USD a year
view-offer-investment = an investment pledge of { $amount } bn USD
view-offer-leaving-out = leaving out { $sectors }
view-offer-ask = if you cut your tariff on its { $sector } to { $rate }%
view-answer = { $state }: { $what } — { $reason }
view-answer-refused = { $state }: { $what } (refused: { $reason })
view-order-done = { $what }: done
view-order-refused = { $what }: refused — { $reason }
view-series = { $who }: { $what }
view-series-rung = rung on the ladder (0 working level … 4 public)
