package cn.qualityportal;

import cn.qualityportal.system.database.RestoreCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The Quality Target Portal (质量强区目标管理平台): policy documents, their numeric targets, yearly
 * reports and progress. Each direct sub-package is a module; {@code ModularityTests} keeps them apart.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PortalApplication {

	public static void main(String[] args) {
		if (args.length > 0 && args[0].equals("restore")) {
			// An operator's command with the portal stopped: no web server, no Spring context.
			System.exit(RestoreCommand.run(args, System.getenv(), System.out, System.err));
		}
		SpringApplication.run(PortalApplication.class, args);
	}

}
