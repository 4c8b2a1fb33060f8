namespace Shop.Products.Seeding;

/// <summary>A small shop in Vietnam: a few categories and about fifty products, prices in VND.</summary>
internal static class DemoCatalog
{
    public const string ImageBase = "https://images.shop.example/products/";

    public static readonly IReadOnlyList<(string Slug, string Name)> Categories =
    [
        ("coffee-and-tea", "Coffee & Tea"),
        ("kitchen", "Kitchen"),
        ("home-and-living", "Home & Living"),
        ("stationery", "Stationery"),
        ("outdoor-and-travel", "Outdoor & Travel"),
        ("gifts", "Gifts"),
    ];

    public static readonly IReadOnlyList<DemoProduct> Products =
    [
        new("CF-ROB-500", "Cà phê Robusta Đắk Lắk 500g", 145_000, 120, "coffee-and-tea gifts", "Dark-roasted Robusta beans from the Central Highlands, strong and chocolatey."),
        new("CF-ARA-250", "Cà phê Arabica Cầu Đất 250g", 165_000, 80, "coffee-and-tea", "Light-roasted Arabica from Cầu Đất, Đà Lạt; notes of citrus and brown sugar."),
        new("CF-CULI-500", "Cà phê Culi 500g", 175_000, 45, "coffee-and-tea", "Peaberry beans, roasted medium-dark for phin brewing."),
        new("CF-WEASEL-100", "Weasel Coffee Gift Tin 100g", 390_000, 12, "coffee-and-tea gifts", "A small tin of premium blend, packed for gifting."),
        new("CF-INST-3IN1", "Instant Coffee 3-in-1, 20 sachets", 59_000, 300, "coffee-and-tea", "Coffee, creamer and sugar in single sachets."),
        new("CF-COLD-1L", "Cold Brew Concentrate 1L", 185_000, 30, "coffee-and-tea", "Steeped for 18 hours; dilute one part to two parts water or milk."),
        new("TEA-SHAN-100", "Shan Tuyết Green Tea 100g", 220_000, 60, "coffee-and-tea gifts", "Hand-picked from old tea trees in Hà Giang."),
        new("TEA-LOTUS-100", "Lotus Tea 100g", 260_000, 25, "coffee-and-tea gifts", "Green tea scented with West Lake lotus."),
        new("TEA-OOLONG-200", "Oolong Tea Bảo Lộc 200g", 150_000, 70, "coffee-and-tea", "Rolled oolong from the Bảo Lộc plateau."),
        new("TEA-ARTI-20", "Artichoke Tea, 20 bags", 45_000, 150, "coffee-and-tea", "Đà Lạt artichoke herbal tea, caffeine free."),
        new("KIT-PHIN-AL", "Aluminium Phin Filter", 35_000, 200, "kitchen coffee-and-tea", "The classic single-cup Vietnamese drip filter."),
        new("KIT-PHIN-SS", "Stainless Steel Phin Filter", 95_000, 90, "kitchen coffee-and-tea", "A phin that lasts: brushed steel, screw-down press."),
        new("KIT-GRIND-HAND", "Hand Coffee Grinder", 450_000, 20, "kitchen coffee-and-tea", "Ceramic burrs, adjustable from espresso to French press."),
        new("KIT-KETTLE-GN", "Gooseneck Kettle 1L", 520_000, 15, "kitchen coffee-and-tea", "Precise pouring for pour-over coffee."),
        new("KIT-POT-CLAY", "Clay Pot for Kho", 180_000, 35, "kitchen", "Glazed clay pot for caramelised fish and pork."),
        new("KIT-WOK-32", "Carbon Steel Wok 32cm", 390_000, 25, "kitchen", "Seasons well, heats fast, light enough to toss."),
        new("KIT-RICE-18", "Rice Cooker 1.8L", 1_290_000, 18, "kitchen", "Keeps rice warm for twelve hours."),
        new("KIT-KNIFE-CHEF", "Chef's Knife 20cm", 650_000, 22, "kitchen gifts", "Forged stainless steel with a pakka wood handle."),
        new("KIT-BOARD-TAMA", "Tamarind Wood Cutting Board", 240_000, 40, "kitchen", "A thick round board cut from one piece of tamarind wood."),
        new("KIT-CHOP-10", "Bamboo Chopsticks, 10 pairs", 49_000, 250, "kitchen", "Natural bamboo, no lacquer."),
        new("KIT-BOWL-BT", "Bát Tràng Rice Bowls, set of 4", 280_000, 30, "kitchen home-and-living", "Blue-glazed ceramic from Bát Tràng village."),
        new("KIT-NUOCMAM-500", "Phú Quốc Fish Sauce 500ml", 120_000, 100, "kitchen", "40°N first-press fish sauce."),
        new("KIT-PEPPER-200", "Phú Quốc Black Pepper 200g", 95_000, 85, "kitchen gifts", "Whole peppercorns, sun-dried."),
        new("HOME-LAMP-SILK", "Hội An Silk Lantern", 210_000, 40, "home-and-living gifts", "Folding bamboo frame with a silk cover; 35cm."),
        new("HOME-MAT-SEDGE", "Sedge Sleeping Mat 1.6m", 350_000, 20, "home-and-living", "Hand-woven from sedge grass in Nga Sơn."),
        new("HOME-CUSH-BRO", "Brocade Cushion Cover", 165_000, 55, "home-and-living", "Woven by H'Mông artisans; 45 × 45cm."),
        new("HOME-BASKET-RAT", "Rattan Storage Basket", 230_000, 35, "home-and-living", "Sturdy basket with handles, 30cm across."),
        new("HOME-VASE-LAC", "Lacquer Vase", 480_000, 10, "home-and-living gifts", "Hand-painted lacquer with eggshell inlay."),
        new("HOME-CANDLE-LEM", "Lemongrass Soy Candle", 150_000, 75, "home-and-living gifts", "Burns for about forty hours."),
        new("HOME-INC-TRAM", "Agarwood Incense, 50 sticks", 130_000, 60, "home-and-living", "Trầm hương incense from Khánh Hòa."),
        new("HOME-TOWEL-BAM", "Bamboo Fibre Towel Set", 260_000, 45, "home-and-living", "Two bath towels and two hand towels."),
        new("HOME-HAMMOCK", "Cotton Hammock", 420_000, 15, "home-and-living outdoor-and-travel", "Hand-knotted cotton, holds 150kg."),
        new("ST-NOTE-DO", "Dó Paper Notebook A5", 120_000, 90, "stationery gifts", "Handmade dó paper, thread-bound, 96 pages."),
        new("ST-NOTE-DOT", "Dotted Notebook A5", 75_000, 140, "stationery", "Hard cover, 160 pages of 100gsm paper."),
        new("ST-PEN-FOUNT", "Fountain Pen", 280_000, 30, "stationery gifts", "Steel nib, converter included."),
        new("ST-INK-BLUE", "Bottled Ink, Blue 50ml", 95_000, 50, "stationery", "Water-based, quick drying."),
        new("ST-PENCIL-12", "Colour Pencils, 12", 65_000, 110, "stationery", "Soft cores for layering."),
        new("ST-CARD-TET", "Tết Greeting Cards, 10", 85_000, 200, "stationery gifts", "Folded cards with envelopes."),
        new("ST-CAL-2025", "Wall Calendar", 110_000, 0, "stationery", "Twelve months of Vietnamese landscapes."),
        new("ST-WASHI-5", "Washi Tape, 5 rolls", 70_000, 95, "stationery", "Patterns from traditional textiles."),
        new("OUT-BOTTLE-750", "Insulated Bottle 750ml", 320_000, 60, "outdoor-and-travel", "Cold for 24 hours, hot for 12."),
        new("OUT-NON-LA", "Nón Lá Conical Hat", 90_000, 80, "outdoor-and-travel gifts", "Palm leaf on a bamboo frame, from Huế."),
        new("OUT-RAIN-PON", "Rain Poncho", 110_000, 150, "outdoor-and-travel", "Fits over a rider and a backpack."),
        new("OUT-PACK-20", "Daypack 20L", 590_000, 25, "outdoor-and-travel", "Water-resistant canvas with a laptop sleeve."),
        new("OUT-CHAIR-FOLD", "Folding Camp Chair", 450_000, 12, "outdoor-and-travel", "Packs to 35cm, holds 120kg."),
        new("OUT-LAMP-HEAD", "Head Torch", 230_000, 40, "outdoor-and-travel", "USB rechargeable, 300 lumens."),
        new("OUT-MAT-YOGA", "Cork Yoga Mat", 690_000, 8, "outdoor-and-travel home-and-living", "Natural cork on rubber, 4mm."),
        new("GIFT-BOX-TET", "Tết Gift Box", 990_000, 20, "gifts coffee-and-tea", "Coffee, lotus tea, pepper and a lacquer tray."),
        new("GIFT-CARD-500K", "Gift Card 500.000 ₫", 500_000, 1000, "gifts", "Spend it on anything in the shop."),
        new("GIFT-SCARF-SILK", "Silk Scarf", 550_000, 3, "gifts", "Mulberry silk from Bảo Lộc, hand-rolled edges."),
    ];

    /// <summary>One demo product; <see cref="Categories"/> lists slugs separated by spaces.</summary>
    public sealed record DemoProduct(string Sku, string Name, decimal Price, int Stock, string Categories, string Description)
    {
        public string ImageUrl(int number) => $"{ImageBase}{Sku.ToLowerInvariant()}/{number}.jpg";
    }
}
