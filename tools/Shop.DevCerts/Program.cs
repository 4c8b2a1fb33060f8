// ./shop up: dotnet Shop.DevCerts.dll <directory> <service>...
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Shop.DevCerts <directory> <service>...");
    return 2;
}

var changed = Shop.DevCerts.DevelopmentCertificates.Ensure(args[0], args[1..]);
Console.WriteLine(changed ? $"development certificates written to {args[0]}" : $"development certificates in {args[0]} are current");
return 0;
