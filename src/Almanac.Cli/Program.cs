Console.WriteLine("almanac");
