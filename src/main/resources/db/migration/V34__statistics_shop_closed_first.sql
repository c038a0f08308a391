-- statistics: a shop's closing may be told before its opening (the listeners run on two
-- threads): the closing then makes the shop's row with what it knows (shop, county, day
-- closed), and the opening fills in the organisation and platform. Until then the row has
-- neither.
ALTER TABLE statistics_shop ALTER COLUMN organisation_id DROP NOT NULL;
ALTER TABLE statistics_shop ALTER COLUMN platform DROP NOT NULL;
