# Messages of forecast (src/ui).
