-- Written by hand: Prisma's schema language cannot express CHECK constraints. These make "no
-- oversell" a property of the database itself, whatever code runs: per SKU every unit ever stocked
-- is available, reserved or sold, and none of the three goes negative. The drift test lists them
-- as the only expected difference from schema.prisma.
-- (No semicolons in comments here: the Wasm engine's pg adapter splits the script on them.)
ALTER TABLE "skus" ADD CONSTRAINT "skus_stock_balances" CHECK ("stocked" = "available" + "reserved" + "sold");
ALTER TABLE "skus" ADD CONSTRAINT "skus_available_not_negative" CHECK ("available" >= 0);
ALTER TABLE "skus" ADD CONSTRAINT "skus_reserved_not_negative" CHECK ("reserved" >= 0);
ALTER TABLE "skus" ADD CONSTRAINT "skus_sold_not_negative" CHECK ("sold" >= 0);
ALTER TABLE "skus" ADD CONSTRAINT "skus_size_in_range" CHECK ("size_mm" BETWEEN 200 AND 350);
ALTER TABLE "products" ADD CONSTRAINT "products_price_positive" CHECK ("price" > 0);
ALTER TABLE "stock_reservation_lines" ADD CONSTRAINT "stock_reservation_lines_quantity_positive" CHECK ("quantity" > 0);
ALTER TABLE "daily_product_sales" ADD CONSTRAINT "daily_product_sales_units_not_negative" CHECK ("units" >= 0);
